using ClassBooking.Core.Tokens;
using Microsoft.AspNetCore.Routing;

namespace ClassBooking.Components;

/// <summary>The calendar feeds' addresses, found by endpoint name wherever the host mapped ClassBooking's API.</summary>
internal static class FeedLinks
{
    /// <summary>
    /// The https address of the feed of <paramref name="endpointName"/> (see <see cref="CalendarFeedUrl"/>) for
    /// <paramref name="token"/> under <paramref name="baseUrl"/>, or null when the host has not mapped the API
    /// (<c>app.MapClassBooking()</c>), so a component offers no address that would not work.
    /// </summary>
    public static string? Find(LinkGenerator links, string endpointName, string token, string baseUrl)
    {
        var path = links.GetPathByName(endpointName, new RouteValueDictionary { ["token"] = token });
        return path is null ? null : CalendarFeedUrl.Build(baseUrl, path);
    }
}
