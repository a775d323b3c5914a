/**
 * How failures reach people: {@link io.heed.platform.web.ErrorMappers} turns every failed REST call into a
 * {@link io.heed.platform.web.Failure} and hands it to the {@link io.heed.platform.web.ErrorSurface} that covers
 * the request's path: the JSON API ({@code platform.api}), the employee pages
 * ({@code acknowledgement}), the console. Each surface owns its representation; nothing else renders errors.
 */
package io.heed.platform.web;
