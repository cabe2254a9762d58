using ClassLogger;
using ClassLogger.Booking;
using ClassLogger.Components;
using ClassLogger.Dashboard;
using ClassBooking.Core.Notifications;
using ClassLogger.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection.Extensions;

var builder = WebApplication.CreateBuilder(args);

// The dashboard's own database (SQLite by default, PostgreSQL by configuration).
var database = ClassLoggerDatabase.FromConfiguration(builder.Configuration, builder.Environment);
builder.Services.AddClassLoggerDatabase(database);
builder.Services.TryAddSingleton(TimeProvider.System);

builder.Services.AddRazorComponents()
    .AddInteractiveServerComponents();
builder.Services.AddCascadingAuthenticationState();

// Sign-in: a cookie for the browser, bearer tokens from /identity/login for API clients.
builder.Services.AddIdentityApiEndpoints<IdentityUser>(options =>
    {
        options.User.RequireUniqueEmail = true;
        options.Lockout.MaxFailedAccessAttempts = 5;
    })
    .AddEntityFrameworkStores<ClassLoggerDbContext>();
builder.Services.ConfigureApplicationCookie(options =>
{
    options.LoginPath = "/login";
    options.AccessDeniedPath = "/login";
    options.Cookie.Name = "ClassLogger.Auth";
});
builder.Services.Configure<AuthenticationSchemeOptions>(IdentityAuthentication.BearerAndApplicationScheme, options =>
    options.ForwardDefaultSelector = IdentityAuthentication.SelectChallengeScheme);
builder.Services.AddAuthorization();

builder.Services.AddScoped<CurrentTeacher>();
builder.Services.AddScoped<TeacherDashboard>();
builder.Services.AddScoped<StudentBookingStatuses>();
builder.Services.AddScoped<DemoDataSeeder>();

// Class booking, added the way any host adds it: ClassBooking's tables go into the same database (in their own
// schema, or with their own prefix on SQLite) with foreign keys to this dashboard's profiles table, which
// ClassBooking never alters. The directories read the dashboard's own profiles and enrollments.
builder.Services.AddClassBooking(options => builder.Configuration.GetSection("ClassBooking").Bind(options))
    .AddEntityFrameworkStores(
        db => database.Configure(db),
        store =>
        {
            store.HostProfileTable = "profiles";
            store.HostProfileKeyColumn = "id";
            store.HostProfileKeyType = typeof(int);
            // The dashboard's tables are in the connection's default schema (PostgreSQL's search path), so
            // HostProfileSchema stays null.
        })
    .AddStudentDirectory<ClassLoggerStudentDirectory>()
    .AddTeacherDirectory<ClassLoggerTeacherDirectory>()
    // The HTTP API (app.MapClassBooking below): share-link base URL, body size and rate limits from configuration.
    .AddHttpApi(options => builder.Configuration.GetSection("ClassBooking:Http").Bind(options))
    .AddCurrentTeacher<ClassLoggerCurrentTeacher>()
    // Booking e-mails with calendar invitations, written to an outbox in each booking's transaction and delivered
    // in the background: by SMTP when ClassBooking:Email:Smtp:Host is set, else as .eml files in a pickup folder.
    .AddEmailDelivery(options =>
    {
        builder.Configuration.GetSection("ClassBooking:Email").Bind(options);
        if (options.PickupDirectory is { } folder && !Path.IsPathRooted(folder))
        {
            options.PickupDirectory = Path.Combine(builder.Environment.ContentRootPath, folder);
        }
    });
// Reminder times, the address e-mails link to, and the delivery's pace (ClassBooking:Notifications).
builder.Services.Configure<ClassBookingNotificationOptions>(builder.Configuration.GetSection("ClassBooking:Notifications"));
builder.Services.AddHealthChecks().AddClassBookingNotifications();
// The OpenAPI document (/openapi/v1.json): the dashboard declares how teachers sign in; ClassBooking's teacher
// operations require one of those schemes.
builder.Services.AddOpenApi(options => options
    .AddDocumentTransformer<OpenApiSecuritySchemes>()
    .AddClassBookingTransformers(OpenApiSecuritySchemes.Cookie, OpenApiSecuritySchemes.Bearer));

var app = builder.Build();

if (app.Environment.IsDevelopment())
{
    // The dashboard's own tables first: ClassBooking's tables reference its profiles table.
    await app.Services.MigrateClassLoggerAsync();
    await app.Services.MigrateClassBookingAsync();
    if (app.Configuration.GetValue("DemoData:Seed", defaultValue: true))
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync();
    }
}
else
{
    app.UseExceptionHandler("/error", createScopeForErrors: true);
    app.UseHsts();
}

// Friendly pages for empty error responses to browser pages; API responses keep their status codes as they are.
app.UseStatusCodePagesWithReExecute("/status/{0}", createScopeForStatusCodePages: true);
app.Use((context, next) =>
{
    if (IdentityAuthentication.IsApiRequest(context) && context.Features.Get<IStatusCodePagesFeature>() is { } statusCodePages)
    {
        statusCodePages.Enabled = false;
    }

    return next(context);
});
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapRazorComponents<App>()
    .AddInteractiveServerRenderMode();

app.MapGet("/", () => TypedResults.Redirect("/students"));
app.MapPost("/logout", async (SignInManager<IdentityUser> signInManager, [FromForm] string? returnUrl) =>
{
    await signInManager.SignOutAsync();
    return TypedResults.LocalRedirect("/login");
});

// Identity's JSON endpoints (login, refresh, ...) for API clients. Accounts are created with their teacher
// profile, so self-registration is switched off.
app.MapGroup("/identity")
    .MapIdentityApi<IdentityUser>()
    .AddEndpointFilter(IdentityAuthentication.RefuseRegistration)
    .AddEndpointFilter(IdentityAuthentication.RefuseControlCharacters);

// ClassBooking's HTTP API and its OpenAPI document (/openapi/v1.json).
app.MapClassBooking("/api");
app.MapOpenApi();
// Degraded when a booking e-mail could not be delivered in the last day or is more than ten minutes late.
app.MapHealthChecks("/health");

await app.RunAsync();

/// <summary>The application's entry point (public so tests can start it with WebApplicationFactory).</summary>
public partial class Program;
