/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The reference of the startup benchmark (bench-startup.c): the least a libadwaita
 * application does to show a window. An AdwApplication (not unique, like Gestiona opening a
 * given database) presents an empty AdwApplicationWindow of Gestiona's default size; when the
 * frame clock reports its first painted frame it prints
 *
 *   first-frame monotonic=<g_get_monotonic_time () in µs>
 *
 * (CLOCK_MONOTONIC, the clock of the process that started it) and quits, exactly as Gestiona
 * does with GESTIONA_BENCH_FIRST_FRAME=1 once its board shows cards. */
#include <stdio.h>

#include <adwaita.h>

/* Gestiona's default window size (data/io.github.gestiona.Gestiona.gschema.xml). */
#define WIDTH  1200
#define HEIGHT 760

static void
after_paint_cb (GdkFrameClock *clock,
                GtkWindow     *window)
{
  printf ("first-frame monotonic=%" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  fflush (stdout);
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, window);
  g_application_quit (G_APPLICATION (gtk_window_get_application (window)));
}

static void
realize_cb (GtkWidget *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (after_paint_cb), window);
}

static void
activate_cb (GtkApplication *app)
{
  GtkWidget *window = adw_application_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (window), WIDTH, HEIGHT);
  g_signal_connect (window, "realize", G_CALLBACK (realize_cb), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = adw_application_new ("io.github.gestiona.BenchStartupBare",
                                                       G_APPLICATION_NON_UNIQUE);

  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
