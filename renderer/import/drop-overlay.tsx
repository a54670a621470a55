// The veil over the window while files are dragged over it: says what a drop will do.
export function DropOverlay() {
  return (
    <div className="drop-overlay" role="presentation" data-testid="drop-overlay">
      <div className="drop-overlay-card">
        <svg className="drop-icon" viewBox="0 0 24 24" aria-hidden="true">
          <path
            d="M12 15V4m0 0L7.5 8.5M12 4l4.5 4.5M4 14v4.5A1.5 1.5 0 0 0 5.5 20h13a1.5 1.5 0 0 0 1.5-1.5V14"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.6"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
        <p className="drop-title">Drop to import</p>
        <p className="drop-note">Pages, text files, feeds or whole folders</p>
      </div>
    </div>
  );
}
