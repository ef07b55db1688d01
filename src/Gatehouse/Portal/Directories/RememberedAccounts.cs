using System.Buffers.Text;
using Microsoft.AspNetCore.DataProtection;

namespace Gatehouse.Portal.Directories;

/// <summary>A directory this browser signed in to besides the active one: its session, set aside, to resume with one click.</summary>
internal sealed record RememberedAccount(Guid UserId, Guid TenantId, string SessionId, IReadOnlyList<Guid> Apps, DateTimeOffset ExpiresUtc);

/// <summary>
/// The accounts set aside in this browser, in one data-protected cookie that belongs to one session: it names the
/// session ID of the active sign-in it was written beside, and any other session (a sign-in as someone else, the
/// token service's logout and a new sign-in) finds it empty. It says who signed in, never that they may still:
/// <see cref="DirectorySessions"/> checks each account in the store on every use.
/// </summary>
internal sealed class RememberedAccounts(IDataProtectionProvider dataProtection, TimeProvider clock)
{
    public const string CookieName = "gatehouse.directories";

    /// <summary>More would outgrow one cookie: each account carries up to BrowserSession.RememberedApps app IDs.</summary>
    public const int MaximumAccounts = 5;

    private const byte FormatVersion = 1;

    private readonly IDataProtector protector = dataProtection.CreateProtector("Gatehouse.Portal.RememberedAccounts.v1");

    /// <summary>The accounts remembered beside the session <paramref name="activeSessionId"/>, unexpired; none for any other session.</summary>
    public IReadOnlyList<RememberedAccount> Read(HttpContext context, string? activeSessionId)
    {
        if (activeSessionId is null || context.Request.Cookies[CookieName] is not { Length: > 0 } cookie)
        {
            return [];
        }

        try
        {
            using var reader = new BinaryReader(new MemoryStream(protector.Unprotect(Base64Url.DecodeFromChars(cookie))));
            if (reader.ReadByte() != FormatVersion || reader.ReadString() != activeSessionId)
            {
                return [];
            }

            var accounts = new List<RememberedAccount>();
            for (var count = reader.ReadByte(); count > 0; count--)
            {
                var userId = new Guid(reader.ReadBytes(16));
                var tenantId = new Guid(reader.ReadBytes(16));
                var sessionId = reader.ReadString();
                var expires = new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero);
                var apps = new Guid[reader.ReadByte()];
                for (var i = 0; i < apps.Length; i++)
                {
                    apps[i] = new Guid(reader.ReadBytes(16));
                }

                accounts.Add(new RememberedAccount(userId, tenantId, sessionId, apps, expires));
            }

            var now = clock.GetUtcNow();
            return [.. accounts.Where(a => a.ExpiresUtc > now)];
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or FormatException or EndOfStreamException or ArgumentException)
        {
            // A cookie from an older key ring or tampered with: as if none had been set.
            return [];
        }
    }

    /// <summary>Remembers <paramref name="accounts"/> (the newest <see cref="MaximumAccounts"/>) beside the session <paramref name="activeSessionId"/>.</summary>
    public void Write(HttpContext context, string activeSessionId, IReadOnlyList<RememberedAccount> accounts)
    {
        if (accounts.Count == 0)
        {
            Forget(context);
            return;
        }

        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer))
        {
            writer.Write(FormatVersion);
            writer.Write(activeSessionId);
            var kept = accounts.TakeLast(MaximumAccounts).ToList();
            writer.Write((byte)kept.Count);
            foreach (var account in kept)
            {
                writer.Write(account.UserId.ToByteArray());
                writer.Write(account.TenantId.ToByteArray());
                writer.Write(account.SessionId);
                writer.Write(account.ExpiresUtc.UtcTicks);
                var apps = account.Apps.TakeLast(byte.MaxValue).ToList();
                writer.Write((byte)apps.Count);
                apps.ForEach(app => writer.Write(app.ToByteArray()));
            }
        }

        context.Response.Cookies.Append(CookieName, Base64Url.EncodeToString(protector.Protect(buffer.ToArray())), Options);
    }

    public static void Forget(HttpContext context) => context.Response.Cookies.Delete(CookieName, Options);

    /// <summary>Sent to this server only, never to script, and not on a request another site starts.</summary>
    private static CookieOptions Options => new() { HttpOnly = true, Secure = true, SameSite = SameSiteMode.Strict, Path = "/", IsEssential = true };
}
