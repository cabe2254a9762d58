using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace ClassBooking.EntityFrameworkCore.Infrastructure;

/// <summary>One model per (context type, host profile settings): hosts of one process may map different profile tables.</summary>
internal sealed class ClassBookingModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        context is ClassBookingDbContext db
            ? (context.GetType(), db.HostSettings, designTime)
            : (context.GetType(), designTime);
}
