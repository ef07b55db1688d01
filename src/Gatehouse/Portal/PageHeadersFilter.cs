using Microsoft.AspNetCore.Mvc.Filters;

namespace Gatehouse.Portal;

/// <summary>Gives every Razor page <see cref="PageHeaders"/>, before its handler runs and so before antiforgery would set its own X-Frame-Options.</summary>
internal sealed class PageHeadersFilter : IPageFilter
{
    public void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
    }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context) => PageHeaders.Apply(context.HttpContext.Response);

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
    }
}
