using Microsoft.Playwright;

namespace ClassLogger.EndToEnd.Tests;

/// <summary>
/// One headless Chromium for the whole end-to-end collection; each test starts its own sample (fresh demo data), so
/// the tests do not depend on each other. The browser is Debian's Chromium (<c>/usr/bin/chromium</c>, installed by
/// test.sh); Playwright never downloads a browser here.
/// </summary>
public sealed class EndToEndFixture : IAsyncLifetime
{
    /// <summary>Debian's Chromium, or another one named by CLASSBOOKING_CHROMIUM.</summary>
    public static string ChromiumPath => Environment.GetEnvironmentVariable("CLASSBOOKING_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(ChromiumPath), $"Chromium was not found at {ChromiumPath}. Install Debian's package: apt-get install chromium (test.sh does).");
        // The suite runs beside the other test projects on two cores: give each awaited state time to arrive.
        Assertions.SetDefaultExpectTimeout(15_000);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>Starts a sample of its own for one test.</summary>
    public static SampleServer StartSample()
    {
        var server = new SampleServer();
        server.Start();
        return server;
    }

    /// <summary>A fresh browser profile (no cookies) of the given size, with the sample's address as its base.</summary>
    public Task<IBrowserContext> NewContextAsync(SampleServer server, int width = 1280, int height = 900, bool touch = false) =>
        Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            HasTouch = touch,
            IsMobile = touch,
            Locale = "en-GB",
            TimezoneId = "Europe/Berlin",
        });

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class SharedBrowser : ICollectionFixture<EndToEndFixture>
{
    public const string Name = "End to end";
}
