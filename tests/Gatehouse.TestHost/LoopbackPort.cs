namespace Gatehouse.TestHost;

/// <summary>Ports for servers a test starts: Gatehouse.Testing's <see cref="Testing.LoopbackPort"/>, which its instances use too.</summary>
public static class LoopbackPort
{
    /// <summary>A port on 127.0.0.1 that nothing listens on and that no other caller in this process was given.</summary>
    public static int Free() => Testing.LoopbackPort.Free();
}
