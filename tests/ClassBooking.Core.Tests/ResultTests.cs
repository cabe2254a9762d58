namespace ClassBooking.Core.Tests;

public sealed class ResultTests
{
    private static readonly ClassBookingError NotFound = new(ErrorCodes.SlotNotFound, "No such class time.");
    private static readonly ClassBookingError BadField = ClassBookingError.Invalid("durationMinutes", "Too short.");

    [Fact]
    public void A_success_holds_its_value_and_no_errors()
    {
        var result = Result<int>.Success(42);

        Assert.True(result.Succeeded);
        Assert.Equal(42, result.Value);
        Assert.Empty(result.Errors);
        Assert.Null(result.Error);
    }

    [Fact]
    public void A_failure_holds_its_errors_and_refuses_to_give_a_value()
    {
        var result = Result<string>.Failure([NotFound, BadField]);

        Assert.False(result.Succeeded);
        Assert.Equal([NotFound, BadField], result.Errors);
        Assert.Same(NotFound, result.Error);
        var exception = Assert.Throws<InvalidOperationException>(() => result.Value);
        Assert.Contains(ErrorCodes.SlotNotFound, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failure_needs_at_least_one_error()
    {
        Assert.Throws<ArgumentException>(() => Result<int>.Failure(Array.Empty<ClassBookingError>()));
        Assert.Throws<ArgumentNullException>(() => Result<int>.Failure((IReadOnlyList<ClassBookingError>)null!));
    }

    [Fact]
    public void Values_and_errors_convert_implicitly()
    {
        Result<string> success = "done";
        Result<string> failure = NotFound;

        Assert.True(success.Succeeded);
        Assert.Equal("done", success.Value);
        Assert.False(failure.Succeeded);
        Assert.Same(NotFound, Assert.Single(failure.Errors));
    }

    [Fact]
    public void Cast_retypes_a_failure_with_the_same_errors_and_refuses_a_success()
    {
        var failure = Result<int>.Failure([NotFound, BadField]);

        var cast = failure.Cast<string>();

        Assert.False(cast.Succeeded);
        Assert.Equal(failure.Errors, cast.Errors);
        Assert.Throws<InvalidOperationException>(() => Result<int>.Success(1).Cast<string>());
    }

    [Fact]
    public void A_validation_error_names_its_field()
    {
        Assert.Equal(ErrorCodes.Validation, BadField.Code);
        Assert.Equal("durationMinutes", BadField.Field);
        Assert.Equal("Too short.", BadField.Message);
        Assert.Null(NotFound.Field);
        Assert.Empty(NotFound.Conflicts);
        Assert.Empty(NotFound.Suggestions);
    }
}
