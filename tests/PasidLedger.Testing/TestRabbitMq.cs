namespace PasidLedger.Testing;

/// <summary>Where the bus tests get RabbitMQ from, and what to tell a developer who has none.</summary>
public static class TestRabbitMq
{
    /// <summary>The RabbitMQ image of the containers; its default is in <c>ops/docker/images.env</c>.</summary>
    public const string ImageVariable = "PASIDLEDGER_RABBITMQ_IMAGE";

    /// <summary><c>$PASIDLEDGER_RABBITMQ_IMAGE</c>, else the default of <c>ops/docker/images.env</c>.</summary>
    public static string Image() => TestContainerRun.Image(ImageVariable);

    /// <summary>The one message a test fails with when it cannot get a broker, for the suite called <paramref name="suite"/>.</summary>
    public static string HowToGetOne(string suite) =>
        $"The {suite} need RabbitMQ and found none. Either run ./ops/test (it starts a Docker engine and builds the "
        + "RabbitMQ image where none can be pulled), or start a Docker engine yourself and set "
        + $"{ImageVariable}=\"$(ops/docker/image rabbitmq)\" (the tests then start a {Image()} container through Testcontainers).";
}
