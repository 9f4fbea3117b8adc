/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-modules"

#include "config.h"

#include "gest-i18n.h"
#include "gest-plan-statement-window.h"
#include "gest-tramites-demo.h"
#include "gest-tramites-page.h"
#include "gest-window.h"

void
gest_modules_init (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      /* Modules register their demo fillers here, in dependency order. */
      gest_tramites_demo_register ();
      g_once_init_leave (&initialized, 1);
    }
}

/* A search hit: a folio opens in the Early Payoffs page; a customer, vehicle or plan opens
 * the plan's account statement with whom to call (T1, T2). */
static void
on_record_activated (GestWindow *window,
                     int         kind,
                     const char *uuid,
                     gpointer    user_data)
{
  GtkWidget *page = gest_window_get_section_page (window, "tramites");

  if (kind == GEST_HIT_TRAMITE && GEST_IS_TRAMITES_PAGE (page))
    {
      gest_window_set_section (window, "tramites");
      gest_tramites_page_show_tramite (GEST_TRAMITES_PAGE (page), uuid);
      return;
    }
  gest_plan_statement_window_present (GTK_WINDOW (window), gest_window_get_store (window), uuid);
}

void
gest_modules_add_pages (GestWindow *window,
                        GestStore  *store)
{
  gest_modules_init ();

  gest_window_set_section_page (window, "tramites", gest_tramites_page_new (store));

  g_signal_handlers_disconnect_by_func (window, on_record_activated, NULL);
  g_signal_connect (window, "record-activated", G_CALLBACK (on_record_activated), NULL);
}
