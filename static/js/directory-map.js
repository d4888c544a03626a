// Maps drawn with the Leaflet that django-leaflet bundles. No tile layer on
// load, so nothing is requested from another site until the visitor presses
// "Show street map". Data comes from json_script elements on the page; names
// are set with textContent, never as HTML.
(function () {
  "use strict";
  var container = document.querySelector("[data-map]");
  var settingsElement = document.getElementById("map-settings");
  if (!container || !settingsElement) {
    return;
  }
  var settings = JSON.parse(settingsElement.textContent);
  var markerElement = document.getElementById("map-markers");
  var markers = markerElement ? JSON.parse(markerElement.textContent) || [] : [];
  var mode = container.getAttribute("data-map");
  var streetButton = container.querySelector("[data-street-map]");

  // The box takes its place now, so nothing moves when the map arrives; its
  // button waits for the map.
  container.hidden = false;
  streetButton.disabled = true;
  // A county's page outlines the county under its markers: its shapes are
  // fetched at once, beside Leaflet rather than after it.
  var shapes = mode === "county" ? fetchShapes() : null;

  function fetchShapes() {
    return fetch(settings.counties, { credentials: "same-origin" }).then(function (response) {
      if (!response.ok) {
        throw new Error("county shapes: " + response.status);
      }
      return response.json();
    });
  }

  // Leaflet (about 150 KB of script to run) is asked for only once the page
  // has loaded, so on a slow phone the results and phone numbers above the map
  // are on screen before it parses.
  function loadLeaflet() {
    var script = document.createElement("script");
    script.src = container.getAttribute("data-leaflet");
    script.onload = draw;
    script.onerror = function () {
      container.hidden = true;
    };
    document.head.appendChild(script);
  }
  if (document.readyState === "complete") {
    loadLeaflet();
  } else {
    window.addEventListener("load", loadLeaflet, { once: true });
  }

  function draw() {
    // Visitors who ask for less motion get jumps instead of animated zooms.
    var still = window.matchMedia("(prefers-reduced-motion: reduce)").matches;

    var map = L.map("map-canvas", {
      attributionControl: true,
      scrollWheelZoom: false,
      zoomSnap: 0.25,
      zoomControl: false,
      zoomAnimation: !still,
      fadeAnimation: !still,
      markerZoomAnimation: !still
    });
    // Leaflet's own button titles are English; the page gives them in its language.
    L.control.zoom({ zoomInTitle: settings.zoomIn, zoomOutTitle: settings.zoomOut }).addTo(map);
    map.attributionControl.setPrefix(false);
    map.setView([37.2, -119.5], 5.5);

    function popup(marker) {
      var box = document.createElement("div");
      var link = document.createElement("a");
      link.href = marker.url;
      link.textContent = marker.title;
      box.appendChild(link);
      if (marker.place) {
        var place = document.createElement("div");
        place.textContent = marker.place;
        box.appendChild(place);
      }
      return box;
    }

    function addMarkers() {
      var layer = L.featureGroup();
      markers.forEach(function (marker) {
        L.circleMarker([marker.lat, marker.lng], {
          radius: 8,
          color: "#ffffff",
          weight: 2,
          fillColor: "#b3261e",
          fillOpacity: 0.95,
          className: "map-marker"
        })
          .bindPopup(popup(marker))
          .bindTooltip(marker.title)
          .addTo(layer);
      });
      layer.addTo(map);
      return layer;
    }

    // The county's own outline, from the statewide shapes file (cached by the
    // browser for every county page after the first).
    function drawCounty(slug) {
      return shapes.then(function (collection) {
        var layer = L.geoJSON(collection, {
          filter: function (feature) {
            return feature.properties.slug === slug;
          },
          style: {
            color: "#073447",
            weight: 2.5,
            fillColor: "#0b4f6c",
            fillOpacity: 0.15
          },
          onEachFeature: function (feature, shape) {
            shape.options.className = "county county--" + slug;
            shape.bindTooltip(feature.properties.name, { sticky: true });
          }
        });
        layer.addTo(map);
        return layer;
      });
    }

    function fit(layer) {
      var bounds = layer.getBounds();
      if (bounds.isValid()) {
        // No animation: the shapes stand still from the moment they appear, so
        // a tap lands on the marker or county under the finger.
        map.fitBounds(bounds, { padding: [16, 16], maxZoom: 13, animate: false });
      }
      container.setAttribute("data-map-ready", "");
    }

    if (mode === "county") {
      var markerLayer = addMarkers();
      drawCounty(settings.county)
        .then(function (shape) {
          fit(shape);
          markerLayer.bringToFront();
        })
        .catch(function () {
          fit(markerLayer);
        });
    } else {
      fit(addMarkers());
    }

    streetButton.addEventListener("click", function () {
      L.tileLayer(settings.tiles, {
        attribution: settings.tilesAttribution,
        maxZoom: 19
      }).addTo(map);
      streetButton.disabled = true;
      streetButton.hidden = true;
    });
    streetButton.disabled = false;
  }
})();
