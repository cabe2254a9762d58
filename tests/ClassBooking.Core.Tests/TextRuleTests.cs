using ClassBooking.Core.Services;

namespace ClassBooking.Core.Tests;

public sealed class TextRuleTests
{
    [Theory]
    [InlineData("Bring\u0000your scales")]
    [InlineData("\u0001")]
    [InlineData("Room\u001B[31m4")]
    [InlineData("Delete\u007F")]
    [InlineData("C1\u0085control")]
    public void A_text_with_a_control_character_is_refused_naming_the_field(string text)
    {
        var errors = new List<ClassBookingError>();

        SlotRules.ValidateText(text, "reason", "The reason", errors);

        var error = Assert.Single(errors);
        Assert.Equal(ErrorCodes.Validation, error.Code);
        Assert.Equal("reason", error.Field);
        Assert.StartsWith("The reason contains a control character", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Scales:\n\tC major\r\n\tG major")]
    [InlineData("Ünïcødé ✓ 音楽 🎹")]
    public void Plain_text_with_line_breaks_tabs_and_unicode_passes(string? text)
    {
        var errors = new List<ClassBookingError>();

        SlotRules.ValidateText(text, "note", "The note", errors);

        Assert.Empty(errors);
    }

    [Fact]
    public void A_text_longer_than_the_limit_is_refused_once()
    {
        var errors = new List<ClassBookingError>();

        SlotRules.ValidateText(new string('\u0000', SlotRules.MaxNoteLength + 1), "note", "The note", errors);

        Assert.Equal("The note is longer than 500 characters.", Assert.Single(errors).Message);
    }

    [Theory]
    [InlineData("  kept  ", "kept")]
    [InlineData(" \n\t ", null)]
    [InlineData(null, null)]
    public void A_text_is_stored_trimmed_and_blank_as_null(string? text, string? stored) =>
        Assert.Equal(stored, SlotRules.NormalizeText(text));
}
