using Microsoft.AspNetCore.Http;

namespace Salus.Platform.Results;

/// <summary>The one place where expected failures become RFC 9457 problem responses.</summary>
public static class ResultHttp
{
    public static IResult ToProblem(this Error error)
    {
        var status = error.Kind switch
        {
            ErrorKind.Validation => StatusCodes.Status400BadRequest,
            ErrorKind.NotFound => StatusCodes.Status404NotFound,
            ErrorKind.Conflict => StatusCodes.Status409Conflict,
            ErrorKind.Unauthorized => StatusCodes.Status401Unauthorized,
            ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
            _ => StatusCodes.Status500InternalServerError,
        };
        var extensions = new Dictionary<string, object?> { ["code"] = error.Code };
        if (error.Fields is { Count: > 0 })
        {
            return Microsoft.AspNetCore.Http.Results.ValidationProblem(
                error.Fields.ToDictionary(f => f.Key, f => f.Value), error.Message, statusCode: status, extensions: extensions);
        }

        return Microsoft.AspNetCore.Http.Results.Problem(detail: error.Message, statusCode: status, title: Title(status), extensions: extensions);
    }

    public static IResult ToHttp<T>(this Result<T> result, Func<T, IResult> onSuccess) =>
        result.IsSuccess ? onSuccess(result.Value) : result.Error!.ToProblem();

    private static string Title(int status) => status switch
    {
        400 => "The request is not valid.",
        401 => "Authentication failed.",
        403 => "Not allowed.",
        404 => "Not found.",
        409 => "Conflict with the current state.",
        _ => "Error.",
    };
}
