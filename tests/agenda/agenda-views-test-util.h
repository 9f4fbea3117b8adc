/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gest-context.h"
#include "gest-roles.h"
#include "gest-store.h"

G_BEGIN_DECLS

/* The fixture the agenda's day pages share in their tests (sessions, leads, preferences;
 * issue 15): a store in a fresh folder, a signed-in user, the page in its window. */
typedef struct
{
  char        *dir;
  GestStore   *store;
  GestContext *context;
  GtkWindow   *window;
  GtkWidget   *widget;   /* the page under test: the test's reference */
} AgendaViewsFixture;

/* What a test case sets up: who is signed in, and the window's width. */
typedef struct
{
  GestRole role;
  int      width;
} AgendaViewsSetup;

/* A new store in a new folder, the domain modules registered. */
void       agenda_views_open         (AgendaViewsFixture *f);
/* Signs @role in, makes the store read-only (as the window's is) and creates the context. */
void       agenda_views_sign_in      (AgendaViewsFixture *f,
                                      GestRole            role);
/* Shows @widget (floating: the fixture takes it) alone in a window @width px wide. */
void       agenda_views_show         (AgendaViewsFixture *f,
                                      GtkWidget          *widget,
                                      int                 width);
/* Closes the other windows, waits for the saves, and checks that the page, the context and
 * the store finalize once their loads drained. */
void       agenda_views_teardown     (AgendaViewsFixture *f);
/* The last shown window of @type other than the fixture's, or NULL. */
GtkWindow *agenda_views_find_window  (AgendaViewsFixture *f,
                                      GType               type);
/* The page at 360 px: it asks for no more, and no widget shown in the window is wider. */
void       agenda_views_assert_narrow (AgendaViewsFixture *f);
/* Clicks the sensitive button labelled @label inside @root. */
void       agenda_views_click        (GtkWidget          *root,
                                      const char         *label);
/* A gest_test_find_widget() match: a button whose tooltip is @text. */
gboolean   agenda_views_is_tooltip   (GtkWidget          *widget,
                                      gconstpointer       text);

G_END_DECLS
