/**
 * Opens the 3D site view for a site (University Town, land-sale, drawn or converted-hotel sites).
 * The site inspector's "Open 3D view" button calls this; App.tsx then loads the 3D chunk.
 */
import { appStore } from '../store/appStore.ts';

export function open3dView(siteId: string): void {
  appStore.getState().setView({ view3dSiteId: siteId });
}

export function close3dView(): void {
  appStore.getState().setView({ view3dSiteId: null });
}
