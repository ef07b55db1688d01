using Microsoft.AspNetCore.Mvc;

namespace Gatehouse.Portal;

/// <summary>A blade of one directory object of type <typeparamref name="T"/>: the object found by the route's ID in the signed-in administrator's tenant.</summary>
internal abstract class ObjectBladeModel<T> : ObjectBladeModel
    where T : class
{
    /// <summary>The object, once <see cref="OpenAsync"/> found it.</summary>
    protected T Shown { get; private set; } = null!;

    /// <summary>Loads the object; the not-found page when there is none in this tenant.</summary>
    protected async Task<IActionResult?> OpenAsync()
    {
        if (await FindAsync(User.TenantId(), HttpContext.RequestAborted) is not { } found)
        {
            return NotFoundPage();
        }

        Shown = found;
        Named(NameOf(found));
        return null;
    }

    /// <summary>The object with the route's <see cref="ObjectBladeModel.Id"/> in <paramref name="tenantId"/>, or null.</summary>
    protected abstract Task<T?> FindAsync(Guid tenantId, CancellationToken cancellationToken);

    protected abstract string NameOf(T found);
}
