/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gest-mail-service.h"
#include "gest-render-queue.h"
#include "gest-roles.h"
#include "gest-store.h"
#include "gest-sync-service.h"

G_BEGIN_DECLS

/* What a window's pages need from the application: the store (the window's read-only
 * connection), the settings, the sync and mail services, the render queue of previews and the
 * signed-in user. One per window, created by the window and handed to every module's page,
 * detail and preferences page instead of each taking a "store" property and looking the
 * services up on the window.
 *
 * The services are optional (NULL in tests that do not start them). Everything is read on the
 * UI thread. */
#define GEST_TYPE_CONTEXT (gest_context_get_type ())
G_DECLARE_FINAL_TYPE (GestContext, gest_context, GEST, CONTEXT, GObject)

/* A context over @store with the application's settings (or the memory backend's in tests)
 * and the default render queue; no sync or mail service until set. */
GestContext     *gest_context_new              (GestStore       *store);
GestStore       *gest_context_get_store        (GestContext     *self);
GSettings       *gest_context_get_settings     (GestContext     *self);
GestRenderQueue *gest_context_get_render_queue (GestContext     *self);
GestSyncService *gest_context_get_sync_service (GestContext     *self);
void             gest_context_set_sync_service (GestContext     *self,
                                                GestSyncService *service);
GestMailService *gest_context_get_mail_service (GestContext     *self);
void             gest_context_set_mail_service (GestContext     *self,
                                                GestMailService *service);
/* The user the window's pages act for: the name every activity entry carries, and the role
 * whose permissions apply (the signed-in user's; on a database being set up, the store's
 * settings user.name / user.role). Notifies "user-name" and "user-role" when they change. */
const char      *gest_context_get_user_name    (GestContext     *self);
GestRole         gest_context_get_user_role    (GestContext     *self);
void             gest_context_set_user         (GestContext     *self,
                                                const char      *name,
                                                GestRole         role);
/* The signed-in user (issue 12), NULL before sign-in or after sign-out; sets the user name
 * and role from it (notifies "signed-in-user", then "user-name"/"user-role"). It does not
 * sign in on the store: the window does (gest_store_set_user()). */
GestUser        *gest_context_get_signed_in_user (GestContext   *self);
void             gest_context_set_signed_in_user (GestContext   *self,
                                                  GestUser      *user);

G_END_DECLS
