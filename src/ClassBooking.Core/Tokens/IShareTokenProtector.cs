namespace ClassBooking.Core.Tokens;

/// <summary>
/// Encrypts share tokens so that e-mails sent later (reminders, changes) can link back to the student's portal,
/// while the database holds no usable token. ClassBooking.AspNetCore registers one over ASP.NET Core Data
/// Protection; without one, tokens are kept as hashes only and e-mails carry no portal link.
/// </summary>
public interface IShareTokenProtector
{
    /// <summary>The token, encrypted; opaque text safe to store.</summary>
    string Protect(string token);

    /// <summary>The token again, or <see langword="null"/> when the text cannot be decrypted (e.g. the key was lost).</summary>
    string? Unprotect(string protectedToken);
}
