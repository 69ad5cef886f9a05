package io.easel.studio.editor;

import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;

/**
 * Calls back once edits have paused for a while (the debounce runs in the browser, so no server thread waits), and
 * once more when the page is hidden or left (a reload, a closed tab), so that what was edited is saved.
 */
@Tag("easel-autosave")
class AutosaveTimer extends Component {

    /** After the last edit: short enough that a reload loses nothing, long enough not to save every keystroke. */
    static final int DELAY_MILLIS = 1200;

    private final Runnable elapsed;

    AutosaveTimer(Runnable elapsed) {
        this.elapsed = elapsed;
        getElement().getStyle().set("display", "none");
    }

    /** (Re)starts the countdown: called on every edit. */
    void restart() {
        getElement().executeJs("clearTimeout(this._autosave); this._autosave = setTimeout(() => "
                + "{ this._autosave = null; this.$server.elapsed(); }, $0);", DELAY_MILLIS);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        // A pending save is sent at once when the page goes away; the request usually completes before unload.
        getElement().executeJs("const flush = () => { if (this._autosave) { clearTimeout(this._autosave); "
                + "this._autosave = null; this.$server.elapsed(); } };"
                + "window.addEventListener('pagehide', flush);"
                + "document.addEventListener('visibilitychange', () => { if (document.hidden) flush(); });");
    }

    @ClientCallable
    private void elapsed() {
        elapsed.run();
    }
}
