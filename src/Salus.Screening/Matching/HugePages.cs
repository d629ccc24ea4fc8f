using System.Runtime.InteropServices;

namespace Salus.Screening.Matching;

/// <summary>
/// Large read-mostly tables (the automaton's transitions, ~60 MB) on 2 MB pages where Linux allows it: a scan jumps
/// between rows all over the table, and with 4 KB pages nearly every step past the first letters misses the TLB.
/// The array is pinned so its address is stable; elsewhere (or when the kernel refuses) it is an ordinary array.
/// </summary>
internal static partial class HugePages
{
    private const int MadviseHugePage = 14; // MADV_HUGEPAGE
    private const long HugePageBytes = 2 * 1024 * 1024;

    public static int[] AllocateInts(int length)
    {
        if (!OperatingSystem.IsLinux() || (long)length * sizeof(int) < 4 * HugePageBytes)
        {
            return new int[length];
        }

        // uninitialised and pinned: the pages are not touched yet, so the advice applies from the first fault
        var array = GC.AllocateUninitializedArray<int>(length, pinned: true);
        long start = Marshal.UnsafeAddrOfPinnedArrayElement(array, 0).ToInt64();
        long end = start + ((long)length * sizeof(int));
        long alignedStart = (start + HugePageBytes - 1) & ~(HugePageBytes - 1);
        long alignedEnd = end & ~(HugePageBytes - 1);
        if (alignedEnd > alignedStart)
        {
            try
            {
                _ = Madvise((nint)alignedStart, (nuint)(alignedEnd - alignedStart), MadviseHugePage);
            }
            catch (DllNotFoundException)
            {
                // no libc by that name: ordinary pages
            }
            catch (EntryPointNotFoundException)
            {
                // no madvise: ordinary pages
            }
        }

        return array;
    }

#pragma warning disable SYSLIB1054 // LibraryImport would need unsafe blocks for no gain on this one blittable call
    [DllImport("libc", EntryPoint = "madvise")]
    private static extern int Madvise(nint address, nuint length, int advice);
#pragma warning restore SYSLIB1054
}
