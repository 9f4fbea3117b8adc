/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gest-module.h"

G_BEGIN_DECLS

/* "Notes", the example module of HACKING.md ("Adding a module"). It exists only in the tests:
 * one synced entity (a note: title, state), a board with two columns (To Do, Done), its
 * search kind and its detail. A real module splits this class in two file pairs of
 * src/<module>/: the domain class (gest-<module>-domain.{c,h}, GLib only, what the CLI
 * registers) and the UI class deriving from it (gest-<module>-module.{c,h}). */
#define GEST_EXAMPLE_MODULE_ID "example"

#define GEST_TYPE_EXAMPLE_MODULE (gest_example_module_get_type ())
G_DECLARE_FINAL_TYPE (GestExampleModule, gest_example_module, GEST, EXAMPLE_MODULE, GObject)

GestModule *gest_example_module_new (void);

G_END_DECLS
