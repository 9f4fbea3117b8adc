/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gest-search.h"
#include "gest-store.h"
#include "gest-preferences-window.h"

G_BEGIN_DECLS

/* The main window: a sidebar of sections (folds on narrow windows), each section's page, the
 * global search in the header bar, and the first-run welcome. Sections without a module show
 * a status page saying so.
 *
 * Section ids: tramites, collections, complaints, annulments, campaigns, appointments, reports.
 *
 * Signals:
 *   ::record-activated (GestHitKind kind as int, const char *uuid): a search hit was chosen;
 *     modules connect to open the record.
 *   ::preferences-opened (GestPreferencesWindow *prefs): the preferences window was created and
 *     is about to show; modules may gest_preferences_window_add_page() their own pages. */
#define GEST_TYPE_WINDOW (gest_window_get_type ())
G_DECLARE_FINAL_TYPE (GestWindow, gest_window, GEST, WINDOW, AdwApplicationWindow)

/* @app may be NULL (tests). */
GestWindow            *gest_window_new                (GtkApplication *app,
                                                       GestStore      *store);
GestStore             *gest_window_get_store          (GestWindow     *self);
/* Replaces the section's page (the "not built yet" status page at first). */
void                   gest_window_set_section_page   (GestWindow     *self,
                                                       const char     *section_id,
                                                       GtkWidget      *page);
GtkWidget             *gest_window_get_section_page   (GestWindow     *self,
                                                       const char     *section_id);
void                   gest_window_set_section        (GestWindow     *self,
                                                       const char     *section_id);
const char            *gest_window_get_section        (GestWindow     *self);
/* Opens a search hit: shows the Early Payoffs section and emits ::record-activated. */
void                   gest_window_show_record        (GestWindow     *self,
                                                       GestHitKind     kind,
                                                       const char     *uuid);
/* Shows a message in the window's toast overlay. */
void                   gest_window_add_toast          (GestWindow     *self,
                                                       const char     *message);
/* TRUE while the first-run welcome is shown instead of the sections. */
gboolean               gest_window_get_welcome_shown  (GestWindow     *self);
/* Creates, sets up (::preferences-opened) and presents the preferences window. */
GestPreferencesWindow *gest_window_open_preferences   (GestWindow     *self);

/* Implemented in src/gest-modules.c: every module puts its pages in @window with
 * gest_window_set_section_page(). Called after the window is created and again after the
 * demonstration data is loaded (the pages then start over from the new data). */
void                   gest_modules_add_pages         (GestWindow     *window,
                                                       GestStore      *store);

G_END_DECLS
