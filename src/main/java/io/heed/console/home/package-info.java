/** The console's home page ({@code /console}). */
package io.heed.console.home;
