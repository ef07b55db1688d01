using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Gatehouse.Dataverse.Api;

/// <summary>
/// POST $batch (Dataverse "Execute batch operations using the Web API", OData 4.0 Part 1 §11.7): a multipart/mixed
/// body of application/http requests run in order as the caller; a multipart/mixed change set among them runs its
/// POST, PATCH and DELETE requests in one transaction, all or none, and a failure in it answers with that failure
/// alone. The batch stops at the first failed request unless Prefer: odata.continue-on-error. The answer is
/// multipart/mixed with one application/http response per request.
/// </summary>
internal static class ExecuteBatch
{
    /// <summary>Dataverse's limit on requests in one batch.</summary>
    public const int MaximumRequests = 1000;

    public static async Task<IResult> HandleAsync(DataverseRequest request, TimeProvider clock)
    {
        if (Boundary(request.Http.Request.ContentType) is not { } boundary)
        {
            return DataverseError.Payload("The $batch body must be multipart/mixed with a boundary.").ToResult();
        }

        try
        {
            return await RunAsync(request, new MultipartReader(boundary, request.Http.Request.Body), clock);
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            // MultipartReader's answer to a body without the boundary its Content-Type names, or with a part it cannot read.
            return DataverseError.Payload("The $batch body is not multipart/mixed with the boundary its Content-Type names.").ToResult();
        }
    }

    private static async Task<IResult> RunAsync(DataverseRequest request, MultipartReader reader, TimeProvider clock)
    {
        var response = new BatchResponse();
        var count = 0;
        while (await reader.ReadNextSectionAsync(request.Aborted) is { } section)
        {
            if (++count > MaximumRequests)
            {
                return DataverseError.InvalidArgument($"The number of requests in a batch exceeds the limit of {MaximumRequests}.").ToResult();
            }

            var succeeded = Boundary(section.ContentType) is { } changeSet
                ? await RunChangeSetAsync(request, new MultipartReader(changeSet, section.Body), response, clock)
                : response.Add(await RunPartAsync(request, section, clock, inChangeSet: false));
            if (!succeeded && !request.Preferences.ContinueOnError)
            {
                break;
            }
        }

        return response;
    }

    private static async Task<bool> RunChangeSetAsync(DataverseRequest request, MultipartReader reader, BatchResponse response, TimeProvider clock)
    {
        var answers = new List<BatchAnswer>();
        await using var transaction = await request.Db.Database.BeginTransactionAsync(request.Aborted);
        while (await reader.ReadNextSectionAsync(request.Aborted) is { } section)
        {
            var answer = await RunPartAsync(request, section, clock, inChangeSet: true);
            if (answer.Status >= StatusCodes.Status400BadRequest)
            {
                await transaction.RollbackAsync(request.Aborted);
                request.Db.ChangeTracker.Clear();
                return response.Add(answer);
            }

            answers.Add(answer);
        }

        await transaction.CommitAsync(request.Aborted);
        response.AddChangeSet(answers);
        return true;
    }

    private static async Task<BatchAnswer> RunPartAsync(DataverseRequest batch, MultipartSection section, TimeProvider clock, bool inChangeSet)
    {
        var operation = await BatchOperation.ReadAsync(section, batch);
        var inner = new DefaultHttpContext { RequestServices = batch.Http.RequestServices, RequestAborted = batch.Aborted };
        inner.Response.Body = new MemoryStream();
        var result = !operation.Succeeded ? DataverseError.Payload(operation.Error).ToResult()
            : inChangeSet && operation.Value.Method == HttpMethods.Get
                ? DataverseError.Payload("A change set holds only POST, PATCH and DELETE requests; put GET requests outside it.").ToResult()
            : await RunAsync(batch, inner, operation.Value, clock);
        await result.ExecuteAsync(inner);
        return new BatchAnswer(inner.Response.StatusCode, inner.Response.Headers, ((MemoryStream)inner.Response.Body).ToArray(), operation.Value?.ContentId);
    }

    /// <summary>The operation as a request of its own on <paramref name="inner"/>, routed as the Web API routes one.</summary>
    private static Task<IResult> RunAsync(DataverseRequest batch, HttpContext inner, BatchOperation operation, TimeProvider clock)
    {
        var request = inner.Request;
        request.Method = operation.Method;
        request.Scheme = batch.Http.Request.Scheme;
        request.Host = batch.Http.Request.Host;
        request.PathBase = batch.Http.Request.PathBase;
        request.Path = "/api/data/v9.2/" + operation.Path;
        request.QueryString = new QueryString(operation.Query);
        foreach (var (name, value) in operation.Headers)
        {
            request.Headers[name] = value;
        }

        request.Body = new MemoryStream(operation.Body);
        request.ContentLength = operation.Body.Length;
        return DataverseEndpoints.RouteAsync(batch with { Http = inner, Preferences = Preferences.Read(request) }, operation.Path, clock);
    }

    private static string? Boundary(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media) && media.MediaType.Equals("multipart/mixed", StringComparison.OrdinalIgnoreCase)
            && HeaderUtilities.RemoveQuotes(media.Boundary).Value is { Length: > 0 } boundary
            ? boundary
            : null;

    /// <summary>One request's answer: status, headers and body as it would have gone on the wire.</summary>
    private sealed record BatchAnswer(int Status, IHeaderDictionary Headers, byte[] Body, string? ContentId);

    /// <summary>The multipart/mixed answer, built part by part.</summary>
    private sealed class BatchResponse : IResult
    {
        private readonly string boundary = $"batchresponse_{Guid.NewGuid()}";
        private readonly StringBuilder body = new();

        /// <summary>Adds the answer; true when it is a success.</summary>
        public bool Add(BatchAnswer answer)
        {
            Write(body, boundary, answer);
            return answer.Status < StatusCodes.Status400BadRequest;
        }

        public void AddChangeSet(IReadOnlyList<BatchAnswer> answers)
        {
            var changeSet = $"changesetresponse_{Guid.NewGuid()}";
            body.Append("--").Append(boundary).Append("\r\nContent-Type: multipart/mixed; boundary=").Append(changeSet).Append("\r\n\r\n");
            foreach (var answer in answers)
            {
                Write(body, changeSet, answer);
            }

            body.Append("--").Append(changeSet).Append("--\r\n");
        }

        public async Task ExecuteAsync(HttpContext httpContext)
        {
            body.Append("--").Append(boundary).Append("--\r\n");
            httpContext.Response.StatusCode = StatusCodes.Status200OK;
            httpContext.Response.ContentType = $"multipart/mixed; boundary={boundary}";
            httpContext.Response.Headers["OData-Version"] = "4.0";
            await httpContext.Response.WriteAsync(body.ToString(), httpContext.RequestAborted);
        }

        private static void Write(StringBuilder output, string boundary, BatchAnswer answer)
        {
            output.Append("--").Append(boundary).Append("\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n");
            if (answer.ContentId is not null)
            {
                output.Append("Content-ID: ").Append(answer.ContentId).Append("\r\n");
            }

            output.Append("\r\nHTTP/1.1 ").Append(answer.Status).Append(' ').Append(ReasonPhrases.GetReasonPhrase(answer.Status)).Append("\r\n");
            foreach (var (name, value) in answer.Headers)
            {
                output.Append(name).Append(": ").Append(value.ToString()).Append("\r\n");
            }

            output.Append("\r\n").Append(Encoding.UTF8.GetString(answer.Body)).Append("\r\n");
        }
    }
}
