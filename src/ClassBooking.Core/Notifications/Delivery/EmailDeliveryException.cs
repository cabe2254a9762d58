namespace ClassBooking.Core.Notifications.Delivery;

/// <summary>A message could not be delivered.</summary>
public sealed class EmailDeliveryException : Exception
{
    /// <summary>Creates the exception.</summary>
    public EmailDeliveryException() { }

    /// <summary>Creates the exception.</summary>
    public EmailDeliveryException(string message) : base(message) { }

    /// <summary>Creates the exception.</summary>
    public EmailDeliveryException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>Creates the exception.</summary>
    public EmailDeliveryException(string message, bool isPermanent, Exception? innerException = null) : base(message, innerException) => IsPermanent = isPermanent;

    /// <summary>Whether retrying cannot help.</summary>
    public bool IsPermanent { get; }
}
