namespace LiquidityLab.Web.Api;

/// <summary>A request the API refuses: answered as <c>{"error": message}</c> with this status code.</summary>
public sealed class ApiError(int status, string message) : Exception(message)
{
    public int Status { get; } = status;

    public static ApiError NotFound(string message) => new(StatusCodes.Status404NotFound, message);
    public static ApiError BadRequest(string message) => new(StatusCodes.Status400BadRequest, message);

    /// <summary>A run file that does not follow its format (422: the request was fine, the data is not).</summary>
    public static ApiError Unreadable(string message) => new(StatusCodes.Status422UnprocessableEntity, message);
}
