/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "gest-cli-queja.h"
#include "gest-domain-module.h"
int
gest_cli_queja (const char  *db_path,
                int          argc,
                char       **argv)
{
  return GEST_CLI_EXIT_USAGE;
}
