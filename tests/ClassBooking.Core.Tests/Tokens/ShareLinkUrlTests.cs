using ClassBooking.Core.Tokens;

namespace ClassBooking.Core.Tests.Tokens;

public sealed class ShareLinkUrlTests
{
    private const string Token = "abcDEF123_-abcDEF123_-abcDEF123_-abcDEF123";

    [Theory]
    [InlineData("https://lessons.example", "https://lessons.example/book/maria-keller/" + Token)]
    [InlineData("https://lessons.example/", "https://lessons.example/book/maria-keller/" + Token)]
    [InlineData("https://lessons.example/app/", "https://lessons.example/app/book/maria-keller/" + Token)]
    [InlineData("http://localhost:5000", "http://localhost:5000/book/maria-keller/" + Token)]
    public void A_link_is_the_base_then_book_then_the_teachers_slug_then_the_token(string baseUrl, string expected)
    {
        Assert.Equal(expected, ShareLinkUrl.Build(baseUrl, "Maria Keller", Token));
        Assert.Equal(expected, ShareLinkUrl.Build(new Uri(baseUrl), "Maria Keller", Token));
    }

    [Fact]
    public void The_teacher_part_is_the_slug_and_falls_back_when_the_name_has_no_letters()
    {
        Assert.Equal($"https://x.example/book/zoe-o-brien/{Token}", ShareLinkUrl.Build("https://x.example", "Zoë O'Brien", Token));
        Assert.Equal($"https://x.example/book/{TeacherSlug.Fallback}/{Token}", ShareLinkUrl.Build("https://x.example", null, Token));
    }

    [Fact]
    public void A_base_and_a_token_are_required()
    {
        Assert.ThrowsAny<ArgumentException>(() => ShareLinkUrl.Build("", "Maria", Token));
        Assert.ThrowsAny<ArgumentException>(() => ShareLinkUrl.Build("https://x.example", "Maria", ""));
    }
}
