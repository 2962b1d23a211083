/* Tests only: wine 8 lacks bcryptprimitives.dll, whose ProcessPrng Rust's standard
 * library imports (every Windows 10/11 has it). This stand-in fills the buffer from
 * RtlGenRandom so our executables run under wine; it is never shipped. */
#include <windows.h>
#include <ntsecapi.h>

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len) {
    while (len > 0) {
        ULONG chunk = len > 0x10000000 ? 0x10000000 : (ULONG)len;
        if (!RtlGenRandom(data, chunk)) return FALSE;
        data += chunk;
        len -= chunk;
    }
    return TRUE;
}
