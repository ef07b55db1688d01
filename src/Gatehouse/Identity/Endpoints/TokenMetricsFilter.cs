using Gatehouse.Identity.Protocol;

namespace Gatehouse.Identity.Endpoints;

/// <summary>Counts what the token endpoint answers: tokens issued by grant, refusals by AADSTS code.</summary>
internal sealed class TokenMetricsFilter(TokenServiceMetrics metrics) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        switch (result)
        {
            case TokenResponse issued:
                metrics.Issued(issued.GrantType);
                break;
            case AadstsError refused:
                metrics.Refused(refused);
                break;
        }

        return result;
    }
}
