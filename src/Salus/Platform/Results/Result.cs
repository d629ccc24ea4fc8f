namespace Salus.Platform.Results;

public enum ErrorKind
{
    Validation,
    NotFound,
    Conflict,
    Unauthorized,
    Forbidden,
}

/// <summary>An expected failure: mapped to RFC 9457 ProblemDetails in one place (<see cref="ResultHttp"/>).</summary>
public sealed record Error(ErrorKind Kind, string Code, string Message, IReadOnlyDictionary<string, string[]>? Fields = null)
{
    /// <summary>The message followed by every field error (<c>field: problem; ...</c>), for a page to show in one line.</summary>
    public string Describe() =>
        Fields is { Count: > 0 } fields ? $"{Message} {string.Join("; ", fields.Select(f => $"{f.Key}: {string.Join(" ", f.Value)}"))}" : Message;
}

public static class Errors
{
    public static Error Validation(string code, string message, IReadOnlyDictionary<string, string[]>? fields = null) =>
        new(ErrorKind.Validation, code, message, fields);

    public static Error NotFound(string code, string message) => new(ErrorKind.NotFound, code, message);

    public static Error Conflict(string code, string message) => new(ErrorKind.Conflict, code, message);

    public static Error Unauthorized(string code, string message) => new(ErrorKind.Unauthorized, code, message);

    public static Error Forbidden(string code, string message) => new(ErrorKind.Forbidden, code, message);
}

/// <summary>A value or an <see cref="Error"/>.</summary>
public readonly struct Result<T>
{
    private readonly T? _value;

    private Result(T? value, Error? error)
    {
        _value = value;
        Error = error;
    }

    public Error? Error { get; }

    public bool IsSuccess => Error is null;

    public T Value => IsSuccess ? _value! : throw new InvalidOperationException($"Result is an error: {Error!.Code}");

#pragma warning disable CA1000 // Factory methods on the generic type read best at call sites.
    public static Result<T> Success(T value) => new(value, null);

    public static Result<T> Failure(Error error) => new(default, error);
#pragma warning restore CA1000

#pragma warning disable CA2225 // Implicit conversions keep handlers readable; named alternatives exist above.
    public static implicit operator Result<T>(T value) => Success(value);

    public static implicit operator Result<T>(Error error) => Failure(error);
#pragma warning restore CA2225
}
