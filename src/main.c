/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "gest-application.h"
#include "gest-i18n.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GestApplication) app = NULL;

  gest_i18n_init ();
  app = gest_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
