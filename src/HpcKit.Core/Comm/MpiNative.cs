using System.Runtime.InteropServices;

namespace HpcKit.Core.Comm;

/// <summary>
/// The few OpenMPI entry points HpcKit uses, bound at run time from <c>libmpi.so.40</c>. Handles are
/// the addresses of OpenMPI's exported predefined objects (<c>ompi_mpi_comm_world</c>, <c>ompi_mpi_byte</c>).
/// The library is opened with RTLD_GLOBAL so OpenMPI's plug-ins resolve their symbols against it.
/// Every payload travels as MPI_BYTE; reductions are done by HpcKit in rank order.
/// </summary>
internal static unsafe partial class MpiNative
{
    private const int RtldNow = 2, RtldGlobal = 0x100;

    public static nint Library { get; private set; }
    public static nint CommWorld { get; private set; }
    public static nint Byte { get; private set; }

    public static delegate* unmanaged<int*, byte***, int> Init;
    public static delegate* unmanaged<int*, int> Initialized;
    public static delegate* unmanaged<int> Finalize;
    public static delegate* unmanaged<nint, int*, int> CommRank;
    public static delegate* unmanaged<nint, int*, int> CommSize;
    public static delegate* unmanaged<nint, int> Barrier;
    public static delegate* unmanaged<void*, int, nint, int, nint, int> Bcast;
    public static delegate* unmanaged<void*, int, nint, void*, int, nint, nint, int> Allgather;
    public static delegate* unmanaged<void*, int, nint, void*, int*, int*, nint, nint, int> Allgatherv;
    public static delegate* unmanaged<void*, int, nint, void*, int, nint, nint, int> Alltoall;
    public static delegate* unmanaged<void*, int*, int*, nint, void*, int*, int*, nint, nint, int> Alltoallv;

    [LibraryImport("libc", EntryPoint = "dlopen", StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint DlOpen(string file, int mode);

    [LibraryImport("libc", EntryPoint = "dlerror")]
    private static partial nint DlError();

    /// <summary>Loads libmpi and resolves every symbol; returns an error text, or null on success.</summary>
    public static string? TryLoad()
    {
        if (Library != 0) return null;
        nint h;
        try
        {
            h = DlOpen("libmpi.so.40", RtldNow | RtldGlobal);
        }
        catch (DllNotFoundException e)
        {
            return "cannot call dlopen: " + e.Message;
        }
        if (h == 0)
        {
            nint err = DlError();
            return "cannot load libmpi.so.40 (install openmpi-bin and libopenmpi-dev): " + (err != 0 ? Marshal.PtrToStringUTF8(err) : "not found");
        }
        try
        {
            CommWorld = NativeLibrary.GetExport(h, "ompi_mpi_comm_world");
            Byte = NativeLibrary.GetExport(h, "ompi_mpi_byte");
            Init = (delegate* unmanaged<int*, byte***, int>)NativeLibrary.GetExport(h, "MPI_Init");
            Initialized = (delegate* unmanaged<int*, int>)NativeLibrary.GetExport(h, "MPI_Initialized");
            Finalize = (delegate* unmanaged<int>)NativeLibrary.GetExport(h, "MPI_Finalize");
            CommRank = (delegate* unmanaged<nint, int*, int>)NativeLibrary.GetExport(h, "MPI_Comm_rank");
            CommSize = (delegate* unmanaged<nint, int*, int>)NativeLibrary.GetExport(h, "MPI_Comm_size");
            Barrier = (delegate* unmanaged<nint, int>)NativeLibrary.GetExport(h, "MPI_Barrier");
            Bcast = (delegate* unmanaged<void*, int, nint, int, nint, int>)NativeLibrary.GetExport(h, "MPI_Bcast");
            Allgather = (delegate* unmanaged<void*, int, nint, void*, int, nint, nint, int>)NativeLibrary.GetExport(h, "MPI_Allgather");
            Allgatherv = (delegate* unmanaged<void*, int, nint, void*, int*, int*, nint, nint, int>)NativeLibrary.GetExport(h, "MPI_Allgatherv");
            Alltoall = (delegate* unmanaged<void*, int, nint, void*, int, nint, nint, int>)NativeLibrary.GetExport(h, "MPI_Alltoall");
            Alltoallv = (delegate* unmanaged<void*, int*, int*, nint, void*, int*, int*, nint, nint, int>)NativeLibrary.GetExport(h, "MPI_Alltoallv");
        }
        catch (EntryPointNotFoundException e)
        {
            return "libmpi.so.40 is not OpenMPI 4 or 5: " + e.Message;
        }
        Library = h;
        return null;
    }

    public static void Check(int rc, string what)
    {
        if (rc != 0) throw new InvalidOperationException($"{what} failed with MPI error code {rc}");
    }
}
