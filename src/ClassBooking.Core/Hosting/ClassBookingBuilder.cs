using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ClassBooking.Core.Hosting;

/// <summary>Configures ClassBooking after <c>AddClassBooking()</c>: storage, the host's directories, delivery.</summary>
/// <remarks>Every method may be called more than once; a later call replaces what an earlier one registered.</remarks>
public sealed class ClassBookingBuilder
{
    internal ClassBookingBuilder(IServiceCollection services) => Services = services;

    /// <summary>The host's service collection, for extension packages.</summary>
    public IServiceCollection Services { get; }

    /// <summary>Uses the host's students (e.g. from its enrollments).</summary>
    public ClassBookingBuilder AddStudentDirectory<TDirectory>()
        where TDirectory : class, IStudentDirectory
    {
        Services.Replace(ServiceDescriptor.Scoped<IStudentDirectory, TDirectory>());
        return this;
    }

    /// <summary>Uses the host's teachers (names, e-mail, time zone).</summary>
    public ClassBookingBuilder AddTeacherDirectory<TDirectory>()
        where TDirectory : class, ITeacherDirectory
    {
        Services.Replace(ServiceDescriptor.Scoped<ITeacherDirectory, TDirectory>());
        return this;
    }
}
