/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gest-context.h"
#include "gest-search.h"
#include "gest-store.h"
#include "gest-preferences-window.h"

G_BEGIN_DECLS

/* The main window: a sidebar of sections (folds on narrow windows), each section's page, the
 * global search in the header bar, the first-run welcome and, on a database with users, the
 * sign-in page before the sections, "switch user" and the idle lock (issue 12; a user signed
 * in on the store before the window opens goes straight to the sections). The sections are
 * the registered modules' (GestModule: title, icon, position, page) and the planned ones of
 * src/gest-module-list.h, whose status page says what is missing. The window makes one
 * GestContext and hands it to every module's page.
 *
 * Signals:
 *   ::record-activated (const char *kind, const char *uuid): a search hit was opened (by the
 *     module that owns its kind, or the first one that opens a shared kind).
 *   ::preferences-opened (GestPreferencesWindow *prefs): the preferences window was created,
 *     with the modules' pages, and is about to show. */
#define GEST_TYPE_WINDOW (gest_window_get_type ())
G_DECLARE_FINAL_TYPE (GestWindow, gest_window, GEST, WINDOW, AdwApplicationWindow)

/* @app may be NULL (tests). */
GestWindow            *gest_window_new                (GtkApplication *app,
                                                       GestStore      *store);
GestStore             *gest_window_get_store          (GestWindow     *self);
/* What the window's pages get (store, settings, services, user). */
GestContext           *gest_window_get_context        (GestWindow     *self);
/* The app's services: starts the mail and sync services (actions win.kick-mail and
 * win.sync-now) into the context; the email and sync preferences pages come with them.
 * Tests without services do not call it. Idempotent. */
void                   gest_window_start_services     (GestWindow     *self);
/* Replaces the section's page (a module's page, or the "not built yet" status page). */
void                   gest_window_set_section_page   (GestWindow     *self,
                                                       const char     *section_id,
                                                       GtkWidget      *page);
GtkWidget             *gest_window_get_section_page   (GestWindow     *self,
                                                       const char     *section_id);
void                   gest_window_set_section        (GestWindow     *self,
                                                       const char     *section_id);
const char            *gest_window_get_section        (GestWindow     *self);
/* Opens a search hit through the modules (GestModule's open_hit), shows the section of the
 * module that opened it and emits ::record-activated. */
void                   gest_window_show_record        (GestWindow     *self,
                                                       const char     *kind,
                                                       const char     *uuid);
/* Shows a message in the window's toast overlay. */
void                   gest_window_add_toast          (GestWindow     *self,
                                                       const char     *message);
/* TRUE while the first-run welcome is shown instead of the sections. */
gboolean               gest_window_get_welcome_shown  (GestWindow     *self);
/* TRUE while the sign-in page is shown (a database with users, nobody signed in, or locked). */
gboolean               gest_window_get_sign_in_shown  (GestWindow     *self);
/* TRUE while the sections are shown (signed in, or a database being set up). */
gboolean               gest_window_get_sections_shown (GestWindow     *self);
/* "Switch user" (win.switch-user): signs out and shows the sign-in page. */
void                   gest_window_switch_user        (GestWindow     *self);
/* The idle lock: signs out on the store and shows the sign-in page with the same login; the
 * sections' pages stay as they are for the same user. Windows on top of this one close. */
void                   gest_window_lock               (GestWindow     *self);
/* For tests: the idle lock after @ms milliseconds without input, instead of the setting's
 * minutes (idle-lock-minutes); 0 goes back to the setting. */
void                   gest_window_set_idle_lock_ms   (GestWindow     *self,
                                                       guint           ms);
/* Creates, sets up (::preferences-opened) and presents the preferences window. */
GestPreferencesWindow *gest_window_open_preferences   (GestWindow     *self);

G_END_DECLS
