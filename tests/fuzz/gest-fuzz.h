/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <stdint.h>

G_BEGIN_DECLS

/* What every fuzz target defines: libFuzzer calls both (the first once, at start), and so does
 * fuzz-main.c, the standalone main that runs a target over files when it is built without
 * libFuzzer (gcc, the regular test suite). */
int  LLVMFuzzerInitialize   (int            *argc,
                             char         ***argv);
int  LLVMFuzzerTestOneInput (const uint8_t  *data,
                             size_t          size);

/* Messages below critical are dropped (a fuzzer's inputs make the code under test warn all the
 * time); a critical is a failed precondition, so it aborts, which libFuzzer reports as a
 * crash. GESTIONA_FUZZ_VERBOSE=1 prints everything. */
void  gest_fuzz_init_logging (void);

/* A private folder for the target's files (in /dev/shm when it can), made once and removed
 * at exit. */
const char *gest_fuzz_tmpdir (void);

G_END_DECLS
