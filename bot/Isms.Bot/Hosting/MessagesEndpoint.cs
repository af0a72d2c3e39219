using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Microsoft.Net.Http.Headers;

namespace Isms.Bot.Hosting;

/// <summary>
/// POST /api/messages. Screens the request before the SDK sees it (size, then the envelope: <see cref="ActivityScreen"/>;
/// with authentication off, this machine only and any Authorization header ignored), then lets <see cref="CloudAdapter"/>
/// authenticate and run the turn. Failures are 4xx with a log line saying what was wrong (401 for a missing or invalid token), or 503
/// when the token's signing keys cannot be fetched; never a 500 for bad input.
/// </summary>
public static class MessagesEndpoint
{
    /// <summary>Activities from Teams are tens of kilobytes at most.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    public static IEndpointRouteBuilder MapBotMessages(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/messages", HandleAsync).DisableAntiforgery();
        return endpoints;
    }

    private static async Task HandleAsync(HttpContext context, IBotFrameworkHttpAdapter adapter, IBot bot,
        IOptions<BotAuthenticationOptions> authOptions, ILoggerFactory loggerFactory)
    {
        var logger = loggerFactory.CreateLogger(typeof(MessagesEndpoint).FullName!);
        var request = context.Request;
        var authEnabled = authOptions.Value.IsEnabled;

        if (authEnabled && string.IsNullOrWhiteSpace(request.Headers.Authorization))
        {
            logger.LogWarning("Rejected an activity without an Authorization header");
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        if (!authEnabled && !LoopbackOnlyGuard.IsLocalRequest(context))
        {
            // Authentication off trusts whoever sends the activity: only this machine may, and not through a proxy.
            logger.LogWarning("Rejected an unauthenticated activity from another machine or through a proxy");
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        if (!authEnabled && request.Headers.ContainsKey(HeaderNames.Authorization))
        {
            // With authentication off a token means nothing, and the SDK would still try to validate it (an error, or a
            // call to the Bot Framework's key endpoint that fails offline): the activity is taken as unauthenticated.
            logger.LogDebug("Ignored an Authorization header: authentication is off");
            request.Headers.Remove(HeaderNames.Authorization);
        }

        var body = await ReadBodyAsync(request, context.RequestAborted);
        if (body is null)
        {
            logger.LogWarning("Rejected an activity larger than {MaxBytes} bytes", MaxBodyBytes);
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        var problem = ActivityScreen.Check(body, authEnabled);
        if (problem is not null)
        {
            logger.LogWarning("Rejected an activity: {Problem}", problem.Reason);
            context.Response.StatusCode = problem.StatusCode;
            return;
        }

        request.Body = new MemoryStream(body, writable: false);
        try
        {
            await adapter.ProcessAsync(request, context.Response, bot, context.RequestAborted);
        }
        catch (Exception exception) when (IsInvalidToken(exception) && !context.Response.HasStarted)
        {
            // The SDK answers 401 itself only for UnauthorizedAccessException; a token that is not a JWT or whose
            // signature does not verify surfaces as an IdentityModel exception, and it is the caller's fault, not ours.
            logger.LogWarning("Rejected an activity with an invalid token: {ExceptionType}", exception.GetType().Name);
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        }
        catch (Exception exception) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            // What escapes the adapter is infrastructure, not the turn (turn errors go to OnTurnError): most often the
            // Bot Framework signing keys could not be fetched. Answer 503 so the channel retries later.
            logger.LogError(exception, "Could not process an activity: {ExceptionType}", exception.GetType().Name);
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        }
    }

    private static bool IsInvalidToken(Exception exception) =>
        exception is SecurityTokenException or SecurityTokenArgumentException;

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
