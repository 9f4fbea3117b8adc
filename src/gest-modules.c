/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-modules"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-i18n.h"
#include "gest-mail-preferences-page.h"
#include "gest-mail-service.h"
#include "gest-plan-statement-window.h"
#include "gest-sync-preferences-page.h"
#include "gest-sync-service.h"
#include "gest-tramites-page.h"
#include "gest-window.h"

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

static void
on_preferences_opened (GestWindow            *window,
                       GestPreferencesWindow *preferences,
                       gpointer               user_data)
{
  GestStore *store = gest_window_get_store (window);
  GestSyncService *sync = g_object_get_data (G_OBJECT (window), "gest-sync-service");

  gest_preferences_window_add_page (preferences,
                                    ADW_PREFERENCES_PAGE (gest_mail_preferences_page_new (store)));
  gest_preferences_window_add_page (preferences,
                                    ADW_PREFERENCES_PAGE (gest_sync_preferences_page_new (store, sync)));
}

static void
on_sync_now (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  gest_sync_service_sync_now (GEST_SYNC_SERVICE (user_data));
}

/* X3: background sync with the Conauto server on a worker thread; "win.sync-now" on demand. */
static void
start_sync_service (GestWindow *window,
                    GestStore  *store)
{
  GestSyncService *service = gest_sync_service_new (store);
  g_autoptr(GSimpleAction) action = g_simple_action_new ("sync-now", NULL);

  g_signal_connect_object (action, "activate", G_CALLBACK (on_sync_now), service, 0);
  g_action_map_add_action (G_ACTION_MAP (window), G_ACTION (action));
  g_object_set_data_full (G_OBJECT (window), "gest-sync-service", service,
                          (GDestroyNotify) g_object_unref);
  gest_sync_service_start (service);
}

static void
on_kick_mail (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  gest_mail_service_kick (GEST_MAIL_SERVICE (user_data));
}

static void
on_mail_drained (GestMailService *service,
                 guint            sent,
                 guint            failed,
                 const char      *error_message,
                 GestWindow      *window)
{
  g_autofree char *text = NULL;

  if (failed > 0 || (sent == 0 && error_message != NULL))
    text = g_strdup_printf (_("An email could not be sent: %s It stays in the outbox and "
                              "will be retried."),
                            error_message != NULL ? error_message : "");
  else if (sent > 0)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u email sent", "%u emails sent", sent),
                            sent);
  if (text != NULL)
    gest_window_add_toast (window, text);
}

/* T4: one mail service per window drains the outbox on a worker thread; "win.kick-mail"
 * asks it to send at once (after "Send Documents to Conauto"). */
static void
start_mail_service (GestWindow *window,
                    GestStore  *store)
{
  GestMailService *service = gest_mail_service_new (store);
  g_autoptr(GSimpleAction) action = g_simple_action_new ("kick-mail", NULL);

  g_signal_connect_object (action, "activate", G_CALLBACK (on_kick_mail), service, 0);
  g_signal_connect_object (service, "drained", G_CALLBACK (on_mail_drained), window, 0);
  g_action_map_add_action (G_ACTION_MAP (window), G_ACTION (action));
  /* Stopped and released with the window. */
  g_object_set_data_full (G_OBJECT (window), "gest-mail-service", service,
                          (GDestroyNotify) g_object_unref);
  gest_mail_service_start (service);
}

void
gest_modules_add_pages (GestWindow *window,
                        GestStore  *store)
{
  gest_modules_init ();

  if (g_object_get_data (G_OBJECT (window), "gest-mail-service") == NULL)
    start_mail_service (window, store);
  if (g_object_get_data (G_OBJECT (window), "gest-sync-service") == NULL)
    start_sync_service (window, store);
  g_signal_handlers_disconnect_by_func (window, on_preferences_opened, NULL);
  g_signal_connect (window, "preferences-opened", G_CALLBACK (on_preferences_opened), NULL);

  gest_window_set_section_page (window, "tramites", gest_tramites_page_new (store));

  g_signal_handlers_disconnect_by_func (window, on_record_activated, NULL);
  g_signal_connect (window, "record-activated", G_CALLBACK (on_record_activated), NULL);
}
