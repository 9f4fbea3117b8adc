/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The modules of Gestiona, one line each, in sidebar order (no include guard: an X-macro
 * list, expanded by src/gest-domain-list.c, src/gest-modules.c and the tests).
 *
 *   GEST_MODULE (name)   a module in src/<name>/: its domain class gest_<name>_domain_get_type()
 *                        (GLib only, registered by every program) and its UI class
 *                        gest_<name>_module_get_type() (registered by the app), declared in
 *                        gest-<name>-domain.h and gest-<name>-module.h.
 *   GEST_PLANNED_MODULE (id, title, icon, position, missing)
 *                        a section whose module is not built yet: the sidebar shows it with a
 *                        page that says what is missing. A module that is built replaces its
 *                        planned line by a GEST_MODULE line.
 *
 * Adding a module is adding its line here (HACKING.md, "Adding a module"). */

#ifndef GEST_MODULE
#define GEST_MODULE(name)
#endif
#ifndef GEST_PLANNED_MODULE
#define GEST_PLANNED_MODULE(id, title, icon, position, missing)
#endif

GEST_MODULE (tramites)
GEST_PLANNED_MODULE (collections, N_("Collections"), "call-start-symbolic", 20,
                     N_("Not built yet: debtor portfolios, calls, letters, visits and payment promises will come "
                        "in a later version of Gestiona."))
GEST_MODULE (complaints)
GEST_MODULE (annulments)
GEST_MODULE (campaigns)
GEST_MODULE (retention)
GEST_MODULE (agenda)

#undef GEST_MODULE
#undef GEST_PLANNED_MODULE
