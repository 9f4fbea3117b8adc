/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-window"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-window.h"

/* The window's background services (mail outbox, sync with Conauto) and their actions, apart
 * from gest-window.c: they use only the window's public API and its context. */

static void
sync_now_cb (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  gest_sync_service_sync_now (GEST_SYNC_SERVICE (user_data));
}

static void
kick_mail_cb (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  gest_mail_service_kick (GEST_MAIL_SERVICE (user_data));
}

static void
mail_drained_cb (GestMailService *service,
                 guint            sent,
                 guint            failed,
                 const char      *error_message,
                 GestWindow      *self)
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
    gest_window_add_toast (self, text);
}

void
gest_window_start_services (GestWindow *self)
{
  g_autoptr(GestSyncService) sync = NULL;
  g_autoptr(GestMailService) mail = NULL;
  g_autoptr(GSimpleAction) sync_now = NULL;
  g_autoptr(GSimpleAction) kick_mail = NULL;
  GestContext *context;
  GestStore *store;

  g_return_if_fail (GEST_IS_WINDOW (self));

  context = gest_window_get_context (self);
  store = gest_context_get_store (context);
  /* Once per window: the context holds them from then on. */
  if (gest_context_get_mail_service (context) != NULL)
    return;

  /* T4: one mail service per window drains the outbox on a worker thread; "win.kick-mail"
   * asks it to send at once (after a module queued an email). */
  mail = gest_mail_service_new (store);
  kick_mail = g_simple_action_new ("kick-mail", NULL);
  g_signal_connect_object (kick_mail, "activate", G_CALLBACK (kick_mail_cb), mail, 0);
  g_signal_connect_object (mail, "drained", G_CALLBACK (mail_drained_cb), self, 0);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (kick_mail));
  /* Stopped and released with the window's context. */
  gest_context_set_mail_service (context, mail);
  gest_mail_service_start (mail);

  /* X3: background sync with the Conauto server on a worker thread; "win.sync-now" on demand. */
  sync = gest_sync_service_new (store);
  sync_now = g_simple_action_new ("sync-now", NULL);
  g_signal_connect_object (sync_now, "activate", G_CALLBACK (sync_now_cb), sync, 0);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (sync_now));
  gest_context_set_sync_service (context, sync);
  gest_sync_service_start (sync);
}
