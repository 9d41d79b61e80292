namespace ChatCouncil.TestSupport.Redis;

/// <summary>
/// The Redis server the test script started, named by <c>CHATCOUNCIL_TEST_REDIS</c> (<c>host:port</c>). Without the
/// variable the tests fail, never skip: a green run must mean Redis was tested.
/// </summary>
public static class RedisTestServer
{
    public const string EnvironmentVariable = "CHATCOUNCIL_TEST_REDIS";

    public static string Configuration
    {
        get
        {
            var value = Environment.GetEnvironmentVariable(EnvironmentVariable);
            return string.IsNullOrWhiteSpace(value)
                ? throw new InvalidOperationException(
                    $"{EnvironmentVariable} is not set, so the Redis tests have no server. Run `make test`, which starts one, " +
                    "or start the test servers yourself with `eval \"$(scripts/test-services.sh start)\"` and run the tests again.")
                : value;
        }
    }

    /// <summary>A channel no other test uses, so counts of received messages are this test's alone.</summary>
    public static string NewChannel() => "chatcouncil-test:" + Guid.NewGuid().ToString("N");
}
