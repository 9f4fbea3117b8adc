/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gest-global-search.h"
#include "gest-window.h"

G_BEGIN_DECLS

/* GestWindow spans two files: gest-window.c (the sections, their pages, the header, the
 * search) and gest-window-session.c (who is signed in: the first run, the sign-in page,
 * "switch user" and the idle lock). */
struct _GestWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template children */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwLeaflet           *leaflet;
  GtkWidget            *content_box;
  GtkListBox           *sidebar_list;
  AdwWindowTitle       *section_title;
  GtkWidget            *back_button;
  GestGlobalSearch     *global_search;
  GtkStack             *section_stack;
  GtkWidget            *demo_progress;
  GtkSpinner           *demo_spinner;
  GtkLabel             *demo_password_label;
  GMenu                *primary_menu;
  AdwWindowTitle       *sidebar_title;

  GestStore            *store;
  /* What the modules' pages get: the store, the settings, the services. */
  GestContext          *context;
  /* Element type Section, in sidebar order. */
  GArray               *sections;
  GSettings            *settings;
  /* Cancels the demonstration data when the window closes. */
  GCancellable         *cancellable;

  /* The session (gest-window-session.c). */
  GtkWidget            *sign_in_page;        /* borrowed: main_stack holds it */
  GtkWidget            *first_manager_page;  /* borrowed: main_stack holds it */
  /* The user the sections' pages were made for; NULL before they are made. */
  GestUser             *pages_user;
  gboolean              pages_made;
  gint64                last_input;          /* monotonic µs */
  guint                 idle_source;
  guint                 idle_lock_ms;        /* a test's, instead of the setting; 0: none */
  gboolean              user_section;        /* primary_menu starts with the user's section */
};

void gest_window_show_sections    (GestWindow *self);
/* Every section starts over: the modules' pages from the current data and user. */
void gest_window_reload_pages     (GestWindow *self);

void gest_window_session_init     (GestWindow *self);
void gest_window_session_start    (GestWindow *self);
void gest_window_session_dispose  (GestWindow *self);

G_END_DECLS
