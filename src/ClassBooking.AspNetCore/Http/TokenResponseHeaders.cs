using ClassBooking.Core.Tokens;
using Microsoft.AspNetCore.Http;

namespace ClassBooking.AspNetCore.Http;

/// <summary>Puts <see cref="ShareLinkUrl.ResponseHeaders"/> on a response whose URL holds a share token.</summary>
internal static class TokenResponseHeaders
{
    public static void Apply(HttpResponse response)
    {
        foreach (var (name, value) in ShareLinkUrl.ResponseHeaders)
        {
            response.Headers[name] = value;
        }
    }
}
