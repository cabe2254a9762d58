using System.Security.Cryptography;
using ClassBooking.Core.Tokens;
using Microsoft.AspNetCore.DataProtection;

namespace ClassBooking.AspNetCore;

/// <summary>
/// <see cref="IShareTokenProtector"/> over ASP.NET Core Data Protection: share tokens are stored encrypted with the
/// host's key ring, so e-mails can link to the portal. Hosts with several instances share the key ring (as they
/// must for antiforgery and cookies too), e.g. <c>AddDataProtection().PersistKeysToDbContext&lt;T&gt;()</c>.
/// </summary>
internal sealed class DataProtectionShareTokenProtector(IDataProtectionProvider provider) : IShareTokenProtector
{
    /// <summary>The purpose string: a token protected for this use cannot be unprotected for any other.</summary>
    public const string Purpose = "ClassBooking.ShareTokens.v1";

    private readonly IDataProtector protector = provider.CreateProtector(Purpose);

    public string Protect(string token) => protector.Protect(token);

    public string? Unprotect(string protectedToken)
    {
        try
        {
            return protector.Unprotect(protectedToken);
        }
        catch (CryptographicException)
        {
            // The key that protected it is gone (key ring not persisted, or rotated out): no link, rather than a failure.
            return null;
        }
    }
}
