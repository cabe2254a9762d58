using System.Globalization;
using System.Text;

namespace ClassBooking.Core.Tokens;

/// <summary>
/// The teacher part of a share link (<c>/book/{teacherSlug}/{token}</c>): the display name in lowercase ASCII letters
/// and digits, words joined by single hyphens ("Maria Keller" becomes "maria-keller", "Zoë O'Brien" becomes
/// "zoe-o-brien"). The slug only makes the link readable; the token alone authorizes it.
/// </summary>
public static class TeacherSlug
{
    /// <summary>Longest slug; longer names are cut at a word boundary where possible.</summary>
    public const int MaxLength = 60;

    /// <summary>Slug used when a name has no ASCII letter or digit.</summary>
    public const string Fallback = "teacher";

    /// <summary>The slug of <paramref name="displayName"/>.</summary>
    public static string From(string? displayName)
    {
        if (string.IsNullOrWhiteSpace(displayName))
        {
            return Fallback;
        }

        var decomposed = displayName.Replace("ß", "ss", StringComparison.Ordinal).Normalize(NormalizationForm.FormD);
        var slug = new StringBuilder(decomposed.Length);
        var pendingHyphen = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var lower = char.ToLowerInvariant(c);
            if (lower is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                if (pendingHyphen && slug.Length > 0)
                {
                    slug.Append('-');
                }

                pendingHyphen = false;
                slug.Append(lower);
            }
            else
            {
                pendingHyphen = true;
            }
        }

        if (slug.Length == 0)
        {
            return Fallback;
        }

        if (slug.Length <= MaxLength)
        {
            return slug.ToString();
        }

        var cut = slug.ToString(0, MaxLength);
        var lastHyphen = cut.LastIndexOf('-');
        return lastHyphen > 0 ? cut[..lastHyphen] : cut;
    }
}
