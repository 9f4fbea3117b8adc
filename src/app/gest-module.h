/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gest-context.h"
#include "gest-domain-module.h"

G_BEGIN_DECLS

/* The UI half of a module, in the spirit of GNOME Builder's addins: the window asks each
 * registered module for its sidebar entry and page, the global search asks it to draw and
 * open its hits, the preferences window for its pages. Requires GestDomainModule: a module's
 * UI class derives from its domain class (GestNotesModule from GestNotesDomain),
 * so one object answers both. The window names no module.
 *
 * Everything here runs on the UI thread. */
#define GEST_TYPE_MODULE (gest_module_get_type ())
G_DECLARE_INTERFACE (GestModule, gest_module, GEST, MODULE, GestDomainModule)

struct _GestModuleInterface
{
  GTypeInterface parent_iface;

  /* Sidebar entry: translated title, icon, position (lower first). Required. */
  const char *(*get_title)         (GestModule  *self);
  const char *(*get_icon_name)     (GestModule  *self);
  int         (*get_position)      (GestModule  *self);
  /* The section's page over @context's data. Called again after demonstration data is
   * loaded: the page starts over. Required. */
  GtkWidget  *(*create_page)       (GestModule  *self,
                                    GestContext *context);
  /* Optional: shows the record of a search hit of one of this module's kinds (or of the
   * shared kinds it claims) in @page, the page create_page() made; TRUE if it did. */
  gboolean    (*open_hit)          (GestModule  *self,
                                    GestContext *context,
                                    GtkWidget   *page,
                                    const char  *kind,
                                    const char  *uuid);
  /* Optional: AdwPreferencesPage widgets for the preferences window (floating refs). */
  GPtrArray  *(*create_preferences_pages) (GestModule  *self,
                                           GestContext *context);
  /* Optional: the full-screen window for the reception's screen (gestiona --welcome-panel):
   * read-only, nobody signed in, over the database at @db_path; the first module that has
   * one shows it. */
  GtkWindow  *(*create_welcome_panel) (GestModule     *self,
                                       GtkApplication *app,
                                       const char     *db_path);
};

const char *gest_module_get_title                (GestModule  *self);
const char *gest_module_get_icon_name            (GestModule  *self);
int         gest_module_get_position             (GestModule  *self);
GtkWidget  *gest_module_create_page              (GestModule  *self,
                                                  GestContext *context);
gboolean    gest_module_open_hit                 (GestModule  *self,
                                                  GestContext *context,
                                                  GtkWidget   *page,
                                                  const char  *kind,
                                                  const char  *uuid);
/* Element type AdwPreferencesPage; never NULL. */
GPtrArray  *gest_module_create_preferences_pages (GestModule  *self,
                                                  GestContext *context);
/* NULL when the module has no welcome panel. */
GtkWindow  *gest_module_create_welcome_panel     (GestModule     *self,
                                                  GtkApplication *app,
                                                  const char     *db_path);

/* The UI modules registered (those of the registry that implement GestModule), sorted by
 * position; a new array of borrowed modules. */
GPtrArray  *gest_modules_get_ui                  (void);
/* The registered UI module whose id is @id, or NULL. */
GestModule *gest_modules_find_ui                 (const char  *id);

/* Registers the UI class of every module of the program (src/gest-module-list.h, expanded
 * in src/gest-modules.c) if not yet done: the application calls it at start; widget tests
 * that want the real modules call it too. Idempotent. */
void        gest_modules_init                    (void);

/* A section the sidebar shows before its module exists (a GEST_PLANNED_MODULE line of
 * src/gest-module-list.h): its page says what is missing. */
typedef struct
{
  const char *id;
  const char *title;       /* N_() */
  const char *icon_name;
  int         position;
  const char *missing;     /* N_("Not built yet: …") */
} GestPlannedModule;

/* The planned sections, in list order (implemented in src/gest-modules.c). */
const GestPlannedModule *gest_modules_get_planned (guint *n_planned);

G_END_DECLS
