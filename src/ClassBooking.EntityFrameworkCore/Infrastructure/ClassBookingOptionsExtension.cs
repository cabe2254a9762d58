using System.Globalization;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ClassBooking.EntityFrameworkCore.Infrastructure;

/// <summary>Carries the host profile settings into ClassBooking's DbContext (and so into its model and migrations).</summary>
internal sealed class ClassBookingOptionsExtension(HostProfileSettings settings) : IDbContextOptionsExtension
{
    private ExtensionInfo? _info;

    public HostProfileSettings Settings { get; } = settings;

    public DbContextOptionsExtensionInfo Info => _info ??= new ExtensionInfo(this);

    public void ApplyServices(IServiceCollection services)
    {
    }

    public void Validate(IDbContextOptions options)
    {
    }

    private sealed class ExtensionInfo(ClassBookingOptionsExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        private new ClassBookingOptionsExtension Extension => (ClassBookingOptionsExtension)base.Extension;

        public override bool IsDatabaseProvider => false;

        public override string LogFragment =>
            $"ClassBookingHostProfile={Extension.Settings.Schema}.{Extension.Settings.Table}({Extension.Settings.KeyColumn} {Extension.Settings.KeyType.Name}) ";

        // The settings only change the model (see ClassBookingModelCacheKeyFactory), not the services.
        public override int GetServiceProviderHashCode() => 0;

        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) => other is ExtensionInfo;

        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo) =>
            debugInfo["ClassBooking:HostProfile"] = Extension.Settings.GetHashCode().ToString(CultureInfo.InvariantCulture);
    }
}
