/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A fresh temporary folder, removed with its contents by gest_test_tmpdir_free(). */
char *gest_test_tmpdir_new  (void);
void  gest_test_tmpdir_free (char *path);
/* Path of a fixture in tests/data. */
char *gest_test_data_path   (const char *name);
/* Runs gestiona-cli with @argv (NULL-terminated, without the program name); returns the exit
 * status and fills stdout/stderr. Uses $GESTIONA_CLI. */
int   gest_test_run_cli     (const char * const *argv,
                             char              **out_stdout,
                             char              **out_stderr);

G_END_DECLS
