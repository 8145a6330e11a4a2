"""Pictures of an actor: its co-mention network and its timeline, as PNG bytes (matplotlib, Agg).

Sized for Discord's preview: 1000×750 pixels, labels in 13-point type."""

from __future__ import annotations

import io

from index.actor_summary import ActorSummary, Network

WIDTH, HEIGHT, DPI = 10, 7.5, 100


def _figure():
    import matplotlib

    matplotlib.use("Agg")  # no screen: render to memory
    from matplotlib import pyplot

    return pyplot, pyplot.figure(figsize=(WIDTH, HEIGHT), dpi=DPI)


def _png(pyplot, figure) -> bytes:
    buffer = io.BytesIO()
    figure.tight_layout()
    figure.savefig(buffer, format="png")  # a fixed size: 1000×750, legible in Discord's preview
    pyplot.close(figure)
    return buffer.getvalue()


def network_png(network: Network) -> bytes:
    """Node size = passages naming the actor; edge width = passages naming both ends."""
    import networkx

    graph = networkx.Graph()
    for name, mentions in network.nodes:
        graph.add_node(name, mentions=mentions)
    for first, second, shared in network.edges:
        graph.add_edge(first, second, shared=shared)
    centre = network.nodes[0][0]
    layout = networkx.spring_layout(graph, seed=7, k=1.6 / max(len(graph) ** 0.5, 1), weight="shared")
    pyplot, figure = _figure()
    axes = figure.add_subplot()
    axes.set_axis_off()
    biggest_edge = max((d["shared"] for _, _, d in graph.edges(data=True)), default=1)
    biggest_node = max((d["mentions"] for _, d in graph.nodes(data=True)), default=1)
    networkx.draw_networkx_edges(
        graph,
        layout,
        ax=axes,
        edge_color="#8aa4bf",
        width=[1 + 7 * d["shared"] / biggest_edge for _, _, d in graph.edges(data=True)],
    )
    networkx.draw_networkx_nodes(
        graph,
        layout,
        ax=axes,
        node_size=[300 + 2700 * d["mentions"] / biggest_node for _, d in graph.nodes(data=True)],
        node_color=["#d9822b" if n == centre else "#2e6ea8" for n in graph.nodes],
    )
    networkx.draw_networkx_labels(
        graph,
        layout,
        ax=axes,
        font_size=13,
        labels={n: n if len(n) <= 28 else n[:27] + "…" for n in graph.nodes},
        bbox={"facecolor": "white", "alpha": 0.75, "edgecolor": "none", "pad": 1},
    )
    axes.margins(0.2)  # room for the labels of nodes at the edge
    axes.set_title(f"{centre}: who appears with whom (passages shared)", fontsize=15)
    return _png(pyplot, figure)


def timeline_png(summary: ActorSummary) -> bytes | None:
    """Passages naming the actor in each dated brief; None when no brief naming it has a date."""
    if not summary.timeline:
        return None
    from datetime import date

    days = [date.fromisoformat(entry.date) for entry in summary.timeline]
    counts = [entry.mentions for entry in summary.timeline]
    pyplot, figure = _figure()
    axes = figure.add_subplot()
    axes.bar(days, counts, width=2.5, color="#2e6ea8")
    axes.plot(days, counts, "o", color="#d9822b")
    axes.set_ylabel("passages naming the actor", fontsize=13)
    axes.set_title(f"{summary.name} across dated briefs", fontsize=15)
    axes.tick_params(labelsize=12)
    axes.set_ylim(0, max(counts) + 1)
    figure.autofmt_xdate()
    return _png(pyplot, figure)
