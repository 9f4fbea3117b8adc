/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gest-context.h"
#include "gest-domain-module.h"

G_BEGIN_DECLS

/* The UI half of a module, in the spirit of GNOME Builder's addins: the window asks each
 * registered module for its sidebar entry and page, the global search asks it to draw and
 * open its hits, the preferences window for its pages. Requires GestDomainModule: a module's
 * UI class derives from its domain class (GestTramitesModule from GestTramitesDomain), so
 * one object answers both. The window names no module.
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

/* The program's UI modules (those of the registry that implement GestModule), sorted by
 * position. Registers them first (gest-module-list.h) if not yet done. */
GPtrArray  *gest_modules_get_ui                  (void);

G_END_DECLS
